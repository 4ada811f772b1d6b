namespace ClipHost.Engine.Data.Sources;

/// <summary>A real source's package is missing where the installer may not install it (the service).</summary>
public sealed class PackageMissingException : Exception
{
    public PackageMissingException()
    {
    }

    public PackageMissingException(string message)
        : base(message)
    {
    }

    public PackageMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
