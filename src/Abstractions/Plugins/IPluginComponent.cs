namespace ClipHost.Abstractions.Plugins;

/// <summary>What every component contributed by a plugin has: an id, a version and validated options.</summary>
public interface IPluginComponent
{
    /// <summary>Stable id used in configs and job arguments, e.g. "vit", "clip", "clip-score". Lower-case, unique per kind.</summary>
    string Id { get; }

    /// <summary>The component's version; recorded with every run that uses it.</summary>
    Version Version { get; }

    /// <summary>One line for listings and the dashboard.</summary>
    string Description { get; }

    /// <summary>Which kind of component this is.</summary>
    PluginKind Kind { get; }

    /// <summary>The options type bound from the JSON in a config; listed by the host so users see every knob.</summary>
    Type OptionsType { get; }

    /// <summary>Binds and validates options without building anything.</summary>
    /// <param name="options">The component's options as given in a config, or null for the defaults.</param>
    /// <param name="fieldPath">The config path of <paramref name="options"/>, used to name fields in errors.</param>
    /// <returns>Every problem found; empty when the options are valid.</returns>
    IReadOnlyList<OptionError> Validate(System.Text.Json.JsonElement? options, string fieldPath);
}
