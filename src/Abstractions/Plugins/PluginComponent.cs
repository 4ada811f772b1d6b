using System.Text.Json;
using ClipHost.Abstractions.Options;

namespace ClipHost.Abstractions.Plugins;

/// <summary>Base for components with a typed options class; binds and validates options the same way everywhere.</summary>
/// <typeparam name="TOptions">The options type: a POCO with DataAnnotations, optionally <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/>.</typeparam>
public abstract class PluginComponent<TOptions> : IPluginComponent
    where TOptions : class, new()
{
    /// <inheritdoc />
    public abstract string Id { get; }

    /// <inheritdoc />
    public abstract Version Version { get; }

    /// <inheritdoc />
    public abstract string Description { get; }

    /// <inheritdoc />
    public abstract PluginKind Kind { get; }

    /// <inheritdoc />
    public Type OptionsType => typeof(TOptions);

    /// <inheritdoc />
    public IReadOnlyList<OptionError> Validate(JsonElement? options, string fieldPath) =>
        ComponentOptions.Bind<TOptions>(options, fieldPath).Errors;

    /// <summary>Binds and validates, throwing with every field-level error when the options are invalid.</summary>
    /// <param name="options">The options JSON, or null for the defaults.</param>
    /// <param name="fieldPath">The config path, for error messages.</param>
    /// <returns>The valid options.</returns>
    protected static TOptions BindValid(JsonElement? options, string fieldPath)
    {
        var (bound, errors) = ComponentOptions.Bind<TOptions>(options, fieldPath);
        if (errors.Count > 0 || bound is null)
        {
            throw new OptionsValidationFailedException(errors);
        }
        return bound;
    }
}
