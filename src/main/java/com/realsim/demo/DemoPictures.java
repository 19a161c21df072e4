package com.realsim.demo;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Placeholder photos for demo documents, drawn in memory, clearly marked as samples (ASCII only: servers often lack CJK fonts). */
final class DemoPictures {

    private DemoPictures() {}

    static byte[] certificate(String name) {
        return picture(
                640,
                440,
                new Color(200, 40, 40),
                "BUSINESS LICENCE - SAMPLE",
                "Demo enterprise " + Math.abs(name.hashCode() % 1000));
    }

    static byte[] idCard(String side) {
        return picture(428, 270, new Color(40, 90, 170), "RESIDENT ID CARD - SAMPLE", side);
    }

    static byte[] livePhoto(String who) {
        return picture(360, 480, new Color(60, 140, 90), "LIVE PHOTO - SAMPLE", who);
    }

    static byte[] document(String title, String line) {
        return picture(595, 842, new Color(90, 90, 90), title, line);
    }

    private static byte[] picture(int width, int height, Color frame, String title, String line) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(250, 248, 240));
        g.fillRect(0, 0, width, height);
        g.setColor(frame);
        g.drawRect(8, 8, width - 17, height - 17);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        g.drawString(title, 30, 60);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
        g.drawString(line, 30, 110);
        g.drawString("DEMO DATA - NOT A REAL DOCUMENT", 30, height - 40);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
