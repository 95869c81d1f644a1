# Builds the service from source and runs it. Used by docker-compose.yml against a MongoDB replica set.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY campaign-core campaign-core
COPY campaign-projections campaign-projections
COPY campaign-api campaign-api
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 campaign
USER campaign
WORKDIR /app
COPY --from=build /src/campaign-api/target/campaign-api-exec.jar app.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
