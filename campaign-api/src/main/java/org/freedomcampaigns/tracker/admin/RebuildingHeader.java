package org.freedomcampaigns.tracker.admin;

import org.freedomcampaigns.tracker.application.ReadModels;
import java.util.LinkedHashMap;
import java.util.Map;

import org.freedomcampaigns.tracker.projections.casesummary.CaseSummaryProjection;
import org.freedomcampaigns.tracker.projections.dashboard.CampaignDashboardProjection;
import org.freedomcampaigns.tracker.projections.officials.OfficialsProjection;
import org.freedomcampaigns.tracker.projections.timeline.TimelineProjection;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reads keep answering while a read model is rebuilt, and say so: a GET served by a rebuilding read model carries
 * {@code X-Read-Model-Status: rebuilding}.
 */
@Configuration(proxyBeanMethods = false)
public class RebuildingHeader implements WebMvcConfigurer {
    public static final String HEADER = "X-Read-Model-Status";
    private static final Map<String, String> SERVED_BY = new LinkedHashMap<>();

    static {
        SERVED_BY.put("/api/cases/*/timeline", TimelineProjection.NAME);
        SERVED_BY.put("/api/cases/*", CaseSummaryProjection.NAME);
        SERVED_BY.put("/api/cases", CaseSummaryProjection.NAME);
        SERVED_BY.put("/api/campaigns/**", CampaignDashboardProjection.NAME);
        SERVED_BY.put("/api/campaigns", CampaignDashboardProjection.NAME);
        SERVED_BY.put("/api/officials", OfficialsProjection.NAME);
    }

    private final ReadModels readModels;
    private final AntPathMatcher paths = new AntPathMatcher();

    public RebuildingHeader(ReadModels readModels) {
        this.readModels = readModels;
    }

    /** The read model serving a GET of this path, or null. */
    static String readModelFor(AntPathMatcher paths, String path) {
        for (Map.Entry<String, String> served : SERVED_BY.entrySet()) {
            if (paths.match(served.getKey(), path)) {
                return served.getValue();
            }
        }
        return null;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (HttpMethod.GET.matches(request.getMethod())) {
                    String readModel = readModelFor(paths, request.getRequestURI());
                    if (readModel != null && readModels.isRebuilding(readModel)) {
                        response.setHeader(HEADER, "rebuilding");
                    }
                }
                return true;
            }
        });
    }
}
