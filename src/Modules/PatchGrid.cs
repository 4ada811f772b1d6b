namespace ClipHost.Modules;

/// <summary>Patch sizes for patch-based encoders on images smaller than the 224 px their presets were made for.</summary>
public static class PatchGrid
{
    /// <summary>The patch size that divides <paramref name="imageSize"/> and gives the grid closest to <paramref name="grid"/> patches per side (the smaller patch on a tie).</summary>
    public static int PatchFor(int imageSize, int grid)
    {
        var divisors = Enumerable.Range(1, imageSize).Where(p => imageSize % p == 0);
        return divisors.OrderBy(p => Math.Abs((imageSize / p) - grid)).ThenBy(p => p).First();
    }
}
