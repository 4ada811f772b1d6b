namespace ClipHost.Abstractions.Plugins;

/// <summary>
/// The entry point of a plugin assembly. Exactly one public sealed implementation per plugin, with a
/// parameterless constructor. It must hold no static state, or its load context cannot unload.
/// </summary>
public interface IClipPlugin
{
    /// <summary>A short name for logs and listings, usually the plugin folder's name.</summary>
    string Name { get; }

    /// <summary>Adds the plugin's components to the host's registry.</summary>
    /// <param name="builder">The registry builder.</param>
    void Register(IClipPluginBuilder builder);
}
