namespace ClipHost.Abstractions.Architectures;

/// <summary>
/// An encoder factory whose options take named sizes as <c>{"preset": "&lt;name&gt;"}</c>, so that tools can list them
/// (the plugin API, `clip-host bench --presets`) and configs can switch families without knowing their fields.
/// Every architecture with presets should offer "mini": a model for 32-64 px images at a quickstart budget.
/// </summary>
public interface IEncoderPresets
{
    /// <summary>The preset names, paper sizes first.</summary>
    IReadOnlyList<string> Presets { get; }
}
