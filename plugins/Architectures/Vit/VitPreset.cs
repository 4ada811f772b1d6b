namespace ClipHost.Plugins.Architectures.Vit;

/// <summary>
/// The paper's ViT ladder (Dosovitskiy et al. 2021, Table 1; Li et al. 2024, Sec. 4). Grid is patches per side at
/// 224 px (/16 → 14, /32 → 7); on smaller images the patch shrinks so the token count stays close to the paper's.
/// "mini" is not in the paper: a ViT for 32-64 px images at a quickstart budget (8x8 patches), the size every family's
/// "mini" preset is matched to, so that the quickstart can switch families by its architecture field alone.
/// </summary>
public sealed record VitPreset(string Name, int Width, int Depth, int Heads, int Grid)
{
    public static readonly IReadOnlyList<VitPreset> All =
    [
        new("Ti/16", 192, 12, 3, 14),
        new("Ti/32", 192, 12, 3, 7),
        new("S/16", 384, 12, 6, 14),
        new("S/32", 384, 12, 6, 7),
        new("B/16", 768, 12, 12, 14),
        new("B/32", 768, 12, 12, 7),
        new("L/16", 1024, 24, 16, 14),
        new("L/32", 1024, 24, 16, 7),
        new("mini", 128, 4, 4, 8),
    ];

    public static VitPreset? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The patch size that divides <paramref name="imageSize"/> and gives the grid closest to this preset's.</summary>
    public int PatchFor(int imageSize) => Modules.PatchGrid.PatchFor(imageSize, Grid);
}
