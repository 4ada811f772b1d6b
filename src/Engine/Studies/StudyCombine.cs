namespace ClipHost.Engine.Studies;

/// <summary>How a study's axes make cells: every combination (a grid), or the n-th value of every axis together.</summary>
public enum StudyCombine
{
    Cross,
    Zip,
}
