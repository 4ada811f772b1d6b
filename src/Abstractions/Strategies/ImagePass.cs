namespace ClipHost.Abstractions.Strategies;

/// <summary>
/// One pass of images through the image encoder during a step, as it really happened, so the engine can
/// account compute exactly: SLIP's extra views add passes, FLIP's masking reduces the tokens per pass.
/// </summary>
/// <param name="Images">Images that went through the encoder in this pass.</param>
/// <param name="ImageSize">Their side in pixels.</param>
/// <param name="VisibleTokens">Patch tokens kept per image, or null when the whole image was encoded.</param>
public sealed record ImagePass(int Images, int ImageSize, int? VisibleTokens = null);
