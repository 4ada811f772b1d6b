namespace ClipHost.Abstractions.Architectures;

/// <summary>What an encoder factory needs to know about the data it will see.</summary>
/// <param name="ImageSize">Input side in pixels (square images).</param>
/// <param name="Channels">Input channels (3).</param>
/// <param name="Seed">Seed for weight initialisation; the same seed gives the same initial weights.</param>
public sealed record ImageEncoderContext(int ImageSize, int Channels, long Seed);
