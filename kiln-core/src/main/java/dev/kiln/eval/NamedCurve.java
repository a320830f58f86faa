package dev.kiln.eval;

/** A curve with what it is of (a class for one-vs-rest curves) and its area (AUC or average precision). */
public record NamedCurve(String name, double area, Curve curve) {
}
