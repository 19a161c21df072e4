package com.realsim.card.web;

import com.realsim.card.OverLimitIdentities;
import com.realsim.platform.web.Cursor;
import com.realsim.platform.web.CursorPage;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** OPS: the identities above their operator's one-ID-N-cards limit, with their cards, for the agents to resolve. */
@Controller
@RequestMapping("/over-limit-identities")
@PreAuthorize("hasRole('OPS')")
@RequiredArgsConstructor
class OverLimitController {

    static final int PAGE_SIZE = 20;

    private final OverLimitIdentities overLimit;

    @GetMapping
    String list(@RequestParam(required = false) String cursor, Model model) {
        CursorPage<OverLimitIdentities.Identity> page = CursorPage.of(
                overLimit.page(Cursor.decodeId(cursor), PAGE_SIZE + 1),
                PAGE_SIZE,
                i -> Cursor.ofId(i.firstBindingId()));
        model.addAttribute("identities", page.items());
        model.addAttribute(
                "nextUrl",
                page.nextCursor() == null
                        ? null
                        : UriComponentsBuilder.fromPath("/over-limit-identities")
                                .queryParam("cursor", page.nextCursor())
                                .toUriString());
        return "card/over-limit";
    }
}
