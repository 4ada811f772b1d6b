namespace ClipHost.Abstractions.Plugins;

/// <summary>The three kinds of component a plugin can contribute.</summary>
public enum PluginKind
{
    /// <summary>An image encoder (the image tower's backbone).</summary>
    Architecture,

    /// <summary>A training strategy (loss, extra views, masking).</summary>
    Strategy,

    /// <summary>A data filter that selects a subset of a dataset.</summary>
    DataFilter,
}
