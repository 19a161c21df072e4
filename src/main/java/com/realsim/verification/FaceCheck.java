package com.realsim.verification;

/**
 * Liveness of a live (or on-site) photo and its similarity with the ID photo. Implementations throw {@link
 * CheckUnavailable} rather than guess. Without a bean of this type every case goes to manual review.
 */
public interface FaceCheck {

    FaceResult compare(byte[] livePhoto, byte[] idPhoto);

    /**
     * @param liveness whether the live photo shows a live person (not a photo of a photo, a screen or a mask)
     * @param similarity 0..1, how alike the two faces are
     */
    record FaceResult(boolean liveness, double similarity) {

        public FaceResult {
            if (Double.isNaN(similarity) || similarity < 0 || similarity > 1) {
                throw new IllegalArgumentException("A similarity lies between 0 and 1");
            }
        }
    }
}
