package com.realsim.platform.web;

import com.realsim.platform.CurrentActor;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard every signed-in user lands on, and the login page. */
@Controller
@RequiredArgsConstructor
class HomeController {

    private final List<DashboardTile> tiles;

    @GetMapping("/")
    String dashboard(Model model) {
        var actor = CurrentActor.get();
        model.addAttribute(
                "tiles",
                tiles.stream()
                        .map(tile -> tile.tileFor(actor))
                        .flatMap(Optional::stream)
                        .sorted(Comparator.comparingInt(DashboardTile.Tile::order))
                        .toList());
        return "dashboard";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
