namespace ClipHost.Engine.Data.Store;

/// <summary>Split names used across the engine.</summary>
public static class Splits
{
    public const string Train = "train";
    public const string Val = "val";
    public const string Test = "test";

    public static readonly IReadOnlyList<string> All = [Train, Val, Test];
}
