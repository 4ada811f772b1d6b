namespace ClipHost.Host.Options;

/// <summary>The "Studies" section: the folder whose study files (*.json) the service offers in the dashboard, each as the recurring job "study:&lt;name&gt;".</summary>
public sealed class StudiesOptions
{
    public const string SectionName = "Studies";

    /// <summary>The study files' folder, relative to the working directory; its parent is the root their base experiments must lie in.</summary>
    public string Directory { get; set; } = "experiments/studies";

    public string FullPath => Path.GetFullPath(Directory);

    /// <summary>The folder a study's base experiment file must lie inside: the studies folder's parent (experiments/).</summary>
    public string Root => Path.GetDirectoryName(FullPath) ?? FullPath;
}
