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

    /// <summary>
    /// Binds and validates the options, then, only when they are valid, runs the component's own checks on them
    /// (those that need more than the options, such as the image size an encoder will see).
    /// </summary>
    /// <param name="options">The options JSON, or null for the defaults.</param>
    /// <param name="fieldPath">The config path, for error messages.</param>
    /// <param name="check">The component's checks of valid options; empty when they pass.</param>
    /// <returns>The binding errors, or else the check's.</returns>
    protected static IReadOnlyList<OptionError> ValidateThen(JsonElement? options, string fieldPath, Func<TOptions, IReadOnlyList<OptionError>> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var (bound, errors) = ComponentOptions.Bind<TOptions>(options, fieldPath);
        return errors.Count > 0 || bound is null ? errors : check(bound);
    }

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
