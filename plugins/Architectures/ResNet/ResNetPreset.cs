namespace ClipHost.Plugins.Architectures.ResNet;

/// <summary>
/// ResNet sizes. RN50 is CLIP's ResNet-50 (Radford et al. 2021: base width 64, blocks 3-4-6-3); "mini" is a small model
/// for 32-64 px images at a quickstart budget. StemGrid is the map side after the stem: at 224 px RN50's stem divides by
/// 4 (56); smaller images get a gentler stem so the stages still see maps big enough to downsample three times.
/// </summary>
public sealed record ResNetPreset(string Name, int Width, IReadOnlyList<int> Layers, int StemGrid)
{
    public static readonly IReadOnlyList<ResNetPreset> All =
    [
        new("RN50", 64, [3, 4, 6, 3], 56),
        new("mini", 16, [1, 1, 2, 1], 32),
    ];

    public static ResNetPreset? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The stem stride (1, 2 or 4) whose output side is closest to <see cref="StemGrid"/> and divides the image.</summary>
    public int StemStrideFor(int imageSize) =>
        ResNetOptions.StemStrides
            .Where(s => imageSize % s == 0)
            .OrderBy(s => Math.Abs(Math.Log((double)imageSize / s / StemGrid)))
            .DefaultIfEmpty(1)
            .First();
}
