namespace ClipHost.Plugins.Architectures.Mixer;

/// <summary>
/// MLP-Mixer sizes (Tolstikhin et al. 2021, Table 1): width C, depth, token-mixing MLP width, channel-mixing MLP width.
/// Grid is patches per side at 224 px (/16 → 14, /32 → 7); smaller images get a smaller patch, as for ViT. "mini" is
/// a Mixer for 32-64 px images at a quickstart budget, matched to ViT's "mini" (8x8 patches).
/// </summary>
public sealed record MixerPreset(string Name, int Width, int Depth, int TokenMlp, int ChannelMlp, int Grid)
{
    public static readonly IReadOnlyList<MixerPreset> All =
    [
        new("S/32", 512, 8, 256, 2048, 7),
        new("S/16", 512, 8, 256, 2048, 14),
        new("B/32", 768, 12, 384, 3072, 7),
        new("B/16", 768, 12, 384, 3072, 14),
        new("L/32", 1024, 24, 512, 4096, 7),
        new("L/16", 1024, 24, 512, 4096, 14),
        new("mini", 128, 4, 64, 512, 8),
    ];

    public static MixerPreset? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The patch size that divides <paramref name="imageSize"/> and gives the grid closest to this preset's.</summary>
    public int PatchFor(int imageSize) => Modules.PatchGrid.PatchFor(imageSize, Grid);
}
