namespace ClipHost.Plugins.Strategies.Clip;

/// <summary>Plain CLIP has no options of its own; the class exists so unknown fields are refused.</summary>
public sealed class ClipOptions
{
}
