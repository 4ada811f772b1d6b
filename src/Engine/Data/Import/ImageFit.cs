namespace ClipHost.Engine.Data.Import;

/// <summary>How a non-square image becomes a square one.</summary>
public enum ImageFit
{
    /// <summary>Scale the shorter side to the resolution and cut the centre (CLIP's usual transform).</summary>
    Crop,

    /// <summary>Scale the longer side to the resolution and pad with white (keeps the whole drawing).</summary>
    Pad,
}
