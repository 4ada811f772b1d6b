namespace ClipHost.Plugins.Architectures.ConvNext;

/// <summary>
/// ConvNeXt sizes. T is ConvNeXt-T (Liu et al. 2022); "mini" is a ConvNeXt for 32-64 px images at a quickstart budget.
/// Grid is the map side after the stem (T: 56 at 224 px); smaller images get a smaller stem patch, as ViT's patch.
/// </summary>
public sealed record ConvNextPreset(string Name, IReadOnlyList<int> Depths, IReadOnlyList<int> Widths, int Grid, double LayerScaleInit)
{
    public static readonly IReadOnlyList<ConvNextPreset> All =
    [
        new("T", [3, 3, 9, 3], [96, 192, 384, 768], 56, 1e-6),
        // Few blocks train from the start with a larger layer scale; 1e-6 is for deep stacks.
        new("mini", [1, 1, 3, 1], [48, 96, 192, 384], 16, 0.1),
    ];

    public static ConvNextPreset? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The stem patch that divides <paramref name="imageSize"/> and gives the map closest to this preset's.</summary>
    public int StemPatchFor(int imageSize) => Modules.PatchGrid.PatchFor(imageSize, Grid);
}
