namespace ClipHost.Plugins.Architectures.ConvNext;

/// <summary>A fully resolved ConvNeXt: what the module is built from.</summary>
public sealed record ConvNextConfig(int ImageSize, int Channels, int StemPatch, IReadOnlyList<int> Depths, IReadOnlyList<int> Widths, double DropPath, double LayerScaleInit)
{
    /// <summary>The feature-map side entering each stage: the stem divides by its patch, each later stage by 2.</summary>
    public int SideAt(int imageSize, int stage) => imageSize / StemPatch / (1 << stage);

    public static ConvNextConfig Resolve(ConvNextOptions o, int imageSize, int channels)
    {
        var preset = ConvNextPreset.Find(o.Preset)!;
        return new(
            imageSize,
            channels,
            o.StemPatch ?? preset.StemPatchFor(imageSize),
            o.Depths ?? [.. preset.Depths.Select(d => Math.Max(1, (int)Math.Round(d * o.DepthScale)))],
            o.Widths ?? [.. preset.Widths.Select(w => Math.Max(1, (int)Math.Round(w * o.WidthScale)))],
            o.DropPath,
            o.LayerScaleInit ?? preset.LayerScaleInit);
    }
}
