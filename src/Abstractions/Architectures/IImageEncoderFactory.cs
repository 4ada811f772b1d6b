namespace ClipHost.Abstractions.Architectures;

/// <summary>Builds image encoders of one family (ViT, ResNet, ...) from validated options.</summary>
public interface IImageEncoderFactory : IPluginComponent
{
    /// <summary>Validates options against the data the encoder will see (e.g. a window that must divide the feature map).</summary>
    /// <param name="options">The options JSON, or null for the defaults.</param>
    /// <param name="context">Image size and channels.</param>
    /// <param name="fieldPath">The config path of <paramref name="options"/>.</param>
    /// <returns>Every problem found; empty when valid.</returns>
    IReadOnlyList<OptionError> Validate(JsonElement? options, ImageEncoderContext context, string fieldPath);

    /// <summary>Describes the encoder these options would build, without building it.</summary>
    /// <param name="options">Valid options.</param>
    /// <param name="context">Image size and channels.</param>
    /// <returns>The encoder's capabilities.</returns>
    EncoderCapabilities Describe(JsonElement? options, ImageEncoderContext context);

    /// <summary>Builds the encoder on the CPU; the engine moves it to the device.</summary>
    /// <param name="options">Valid options.</param>
    /// <param name="context">Image size, channels and seed.</param>
    /// <returns>The encoder, owned by the caller.</returns>
    ImageEncoder Create(JsonElement? options, ImageEncoderContext context);
}
