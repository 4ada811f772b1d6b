namespace ClipHost.Plugins.Strategies.Slip;

/// <summary>The head's widths: SLIP's 4096 hidden and 256 output were chosen for ViT-B's 768-wide features, so they scale with the encoder.</summary>
public static class SlipHeadSize
{
    private const double ReferenceWidth = 768;
    private const double ReferenceMlp = 4096;
    private const double ReferenceEmbed = 256;

    /// <summary>The hidden width for <paramref name="featureDim"/>-wide features (rounded up to a multiple of 8), unless given.</summary>
    public static int Mlp(int featureDim, int? given = null) => given ?? Scale(featureDim, ReferenceMlp);

    /// <summary>The output width for <paramref name="featureDim"/>-wide features (rounded up to a multiple of 8), unless given.</summary>
    public static int Embed(int featureDim, int? given = null) => given ?? Scale(featureDim, ReferenceEmbed);

    // Multiples of 8 keep the matmuls on the fast paths of both CPU and GPU kernels.
    private static int Scale(int featureDim, double reference) => Math.Max(8, (int)Math.Ceiling(featureDim * reference / ReferenceWidth / 8) * 8);
}
