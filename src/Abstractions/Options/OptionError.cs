namespace ClipHost.Abstractions.Options;

/// <summary>One problem with a config value, naming the field by its config path.</summary>
/// <param name="Field">The config path, e.g. "model.image.options.patchSize".</param>
/// <param name="Message">What is wrong and what would be accepted.</param>
public sealed record OptionError(string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Field}: {Message}";
}
