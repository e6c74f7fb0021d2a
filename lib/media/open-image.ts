import sharp, { type Sharp } from "sharp";
import { getConfig } from "../config";

/**
 * sharp on a visitor's image, held to the pixel limit (checked from the header, before any pixel is
 * decoded) and read sequentially so a large image never sits in memory whole.
 */
export function openImage(path: string): Sharp {
  return sharp(path, {
    limitInputPixels: getConfig().limits.maxImagePixels,
    sequentialRead: true,
    failOn: "error",
    animated: false,
  });
}
