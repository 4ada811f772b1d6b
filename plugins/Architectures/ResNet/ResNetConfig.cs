namespace ClipHost.Plugins.Architectures.ResNet;

/// <summary>A fully resolved ResNet: what the module is built from.</summary>
public sealed record ResNetConfig(int ImageSize, int Channels, int Width, IReadOnlyList<int> Layers, int StemStride, int Heads, bool ZeroInitResidual)
{
    /// <summary>Bottleneck output channels are four times the bottleneck width.</summary>
    public const int Expansion = 4;

    /// <summary>Channels of the last stage, which the attention pooling works on: width x 8 x 4.</summary>
    public int FeatureDim => Width * 8 * Expansion;

    /// <summary>The feature-map side stage <paramref name="stage"/> puts out: the stem divides by its stride, stages 1-3 by 2.</summary>
    public int SideAt(int imageSize, int stage) => imageSize / StemStride / (1 << stage);

    public static ResNetConfig Resolve(ResNetOptions o, int imageSize, int channels)
    {
        var preset = ResNetPreset.Find(o.Preset)!;
        var width = Math.Max(2, 2 * (int)Math.Round((o.Width ?? preset.Width) * o.WidthScale / 2));
        var layers = (o.Layers ?? preset.Layers).Select(d => Math.Max(1, (int)Math.Round(d * o.DepthScale))).ToArray();
        var featureDim = width * 8 * Expansion;
        return new ResNetConfig(
            imageSize,
            channels,
            width,
            layers,
            o.StemStride ?? preset.StemStrideFor(imageSize),
            o.Heads ?? Math.Max(1, featureDim / 64),
            o.ZeroInitResidual);
    }
}
