package com.realsim.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Static assets are files: a request for one of their folders ({@code /css/}, {@code /webjars/echarts}) is not found.
 * Without this the static resource handler answers a folder of the class path with the list of its files.
 */
@Component
class NoFolderListings extends OncePerRequestFilter {

    private static final List<String> STATIC_FOLDERS = List.of("/css", "/js", "/img", "/webjars");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean staticPath =
                STATIC_FOLDERS.stream().anyMatch(folder -> path.equals(folder) || path.startsWith(folder + "/"));
        return !staticPath || path.substring(path.lastIndexOf('/') + 1).contains(".");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
