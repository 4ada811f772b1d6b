namespace ClipHost.Engine.Model;

/// <summary>The service provider strategies get until the engine offers them services (augmentations come later).</summary>
public sealed class NoServices : IServiceProvider
{
    public static readonly NoServices Instance = new();

    public object? GetService(Type serviceType) => null;
}
