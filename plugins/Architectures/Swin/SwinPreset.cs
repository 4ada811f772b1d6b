namespace ClipHost.Plugins.Architectures.Swin;

/// <summary>
/// Swin sizes: T from Liu et al. 2021 (Table 1: C 96, depths 2-2-6-2, heads 3-6-12-24, window 7, patch 4 at 224 px)
/// and "mini", a quickstart-budget model for 32-64 px images. Grid is tokens per side entering stage 0; on other
/// image sizes the patch changes so the token count stays close to the preset's, as for the ViT presets.
/// </summary>
public sealed record SwinPreset(string Name, int EmbedDim, IReadOnlyList<int> Depths, IReadOnlyList<int> Heads, int WindowSize, int Grid)
{
    public static readonly IReadOnlyList<SwinPreset> All =
    [
        new("T", 96, [2, 2, 6, 2], [3, 6, 12, 24], 7, 56),
        new("mini", 32, [2, 2, 2, 2], [1, 2, 4, 8], 4, 16),
    ];

    public static SwinPreset? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The patch size that divides <paramref name="imageSize"/> and gives the grid closest to this preset's.</summary>
    public int PatchFor(int imageSize) => Modules.PatchGrid.PatchFor(imageSize, Grid);

    /// <summary>
    /// The preset's window when it tiles every stage map larger than it; otherwise the last stage's side. At 224 px
    /// Swin-T's last stage is exactly one 7x7 window; at 64 px (maps 64, 32, 16, 8) 7 tiles nothing, and 8 keeps
    /// that property instead of refusing the preset.
    /// </summary>
    public int WindowFor(int grid)
    {
        var sides = Enumerable.Range(0, SwinConfig.Stages).Select(s => grid >> s).ToList();
        var fits = sides.All(side => side <= WindowSize || side % WindowSize == 0);
        return fits || sides[^1] < 1 ? WindowSize : sides[^1];
    }
}
