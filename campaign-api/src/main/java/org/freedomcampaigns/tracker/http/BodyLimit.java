package org.freedomcampaigns.tracker.http;

import java.io.IOException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Caps request bodies at {@code campaign.limits.max-body-bytes} (256 KiB by default; the longest valid fact is a
 * fraction of that): a larger declared length is answered 413 before anything is read, and a body sent without a
 * length stops being read at the cap, which is answered 413 too. Runs after authentication, so an anonymous caller
 * learns nothing but 401.
 */
@Component
@Order(BodyLimit.ORDER)
public class BodyLimit extends OncePerRequestFilter {
    /** Right after Spring Security's filter chain (-100). */
    static final int ORDER = -99;

    private final long maxBytes;
    private final ObjectMapper json;

    public BodyLimit(@Value("${campaign.limits.max-body-bytes:262144}") long maxBytes, ObjectMapper json) {
        this.maxBytes = maxBytes;
        this.json = json;
    }

    /** Thrown while reading a body that goes past the cap; answered 413. */
    public static final class TooLarge extends IOException {
        TooLarge(long maxBytes) {
            super("the request body is larger than " + maxBytes + " bytes");
        }

        ProblemDetail problem() {
            return ProblemAdvice.problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "Request body too large",
                                         getMessage());
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), new TooLarge(maxBytes).problem());
            return;
        }
        chain.doFilter(new Capped(request, maxBytes), response);
    }

    /** The request with its body stream counted. */
    private static final class Capped extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long maxBytes;
        private long read;

        CountingStream(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        private int count(int n) throws TooLarge {
            if (n > 0) {
                read += n;
                if (read > maxBytes) {
                    throw new TooLarge(maxBytes);
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return count(in.read(buffer, offset, length));
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
