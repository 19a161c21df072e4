package com.realsim.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.StandardMultipartHttpServletRequest;

/**
 * Reads the parts of a multipart request before anything else asks for them, so that an upload above the limits
 * ({@code spring.servlet.multipart.max-file-size}, {@code max-request-size}) is refused the same way everywhere:
 * 413 {@code PAYLOAD_TOO_LARGE}, a problem detail under {@code /api/} and the refusal page with the limit elsewhere
 * ({@link ErrorPageController}). Without it the container's own page answered a form (Spring Security's CSRF check
 * asks for the form's token first), and the API answered 413 with an empty body: the failure came before a
 * controller was chosen, and the error page read the parts again and failed again. The container writes parts to
 * temporary files as they arrive and stops reading at the limit, so no upload is held in memory here; a part that
 * cannot be read otherwise is a 400.
 */
@Component
@Order(-110) // before Spring Security's filters (-100)
class MultipartLimitFilter extends OncePerRequestFilter {

    private final DataSize maxFileSize;

    MultipartLimitFilter(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            new StandardMultipartHttpServletRequest(request); // parses, or fails as Spring MVC would
        } catch (MaxUploadSizeExceededException tooLarge) {
            refuse(request, response, new MaxUploadSizeExceededException(maxFileSize.toBytes(), tooLarge));
            return;
        } catch (MultipartException unreadable) {
            refuse(request, response, unreadable);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Hands the refusal to the error page, marked so that Spring MVC does not read the parts again for it, and
     * reads nothing more of the request.
     */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, MultipartException failure)
            throws IOException {
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, failure);
        response.sendError(
                failure instanceof MaxUploadSizeExceededException
                        ? HttpStatus.CONTENT_TOO_LARGE.value()
                        : HttpStatus.BAD_REQUEST.value());
    }
}
