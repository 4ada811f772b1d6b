namespace ClipHost.Plugins.Architectures.ConvNext;

/// <summary>A fully resolved ConvNeXt: what the module is built from.</summary>
public sealed record ConvNextConfig(int ImageSize, int Channels, int StemPatch, IReadOnlyList<int> Depths, IReadOnlyList<int> Widths, double DropPath, double LayerScaleInit)
{
    private static readonly int[] TinyDepths = [3, 3, 9, 3];
    private static readonly int[] TinyWidths = [96, 192, 384, 768];

    /// <summary>The feature-map side entering each stage: the stem divides by its patch, each later stage by 2.</summary>
    public int SideAt(int imageSize, int stage) => imageSize / StemPatch / (1 << stage);

    public static ConvNextConfig Resolve(ConvNextOptions o, int imageSize, int channels) => new(
        imageSize,
        channels,
        o.StemPatch,
        o.Depths ?? [.. TinyDepths.Select(d => Math.Max(1, (int)Math.Round(d * o.DepthScale)))],
        o.Widths ?? [.. TinyWidths.Select(w => Math.Max(1, (int)Math.Round(w * o.WidthScale)))],
        o.DropPath,
        o.LayerScaleInit);
}
