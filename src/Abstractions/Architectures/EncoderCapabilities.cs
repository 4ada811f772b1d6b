namespace ClipHost.Abstractions.Architectures;

/// <summary>What an encoder configuration offers, known before it is built, so strategies can validate against it.</summary>
/// <param name="EncoderId">The encoder's component id.</param>
/// <param name="HasPatchTokens">True when the built encoder implements <see cref="IPatchTokenEncoder"/>.</param>
/// <param name="PatchCount">Patch tokens at the configured image size, or 0 when there are none.</param>
public sealed record EncoderCapabilities(string EncoderId, bool HasPatchTokens, int PatchCount);
