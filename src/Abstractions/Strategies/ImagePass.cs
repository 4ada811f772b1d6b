namespace ClipHost.Abstractions.Strategies;

/// <summary>
/// One pass of images through the image encoder during a step, as it really happened, so the engine can
/// account compute exactly: SLIP's extra views add passes, FLIP's masking reduces the tokens per pass.
/// </summary>
/// <param name="Images">Images that went through the encoder in this pass.</param>
/// <param name="ImageSize">Their side in pixels.</param>
/// <param name="VisibleTokens">Patch tokens kept per image, or null when the whole image was encoded.</param>
public sealed record ImagePass(int Images, int ImageSize, int? VisibleTokens = null)
{
    /// <summary>False when the pass's features skip the CLIP projection (SLIP's SimCLR views go to its own head instead).</summary>
    public bool Projected { get; init; } = true;

    /// <summary>Multiply-accumulates per image of the strategy's own modules on this pass's features (SLIP's head); 0 when none.</summary>
    public long HeadMacsPerImage { get; init; }
}
