namespace ClipHost.Host.Commands;

/// <summary>
/// Embeds images or texts with a run's checkpoint (its latest, or <see cref="Step"/>'s): the image files of
/// <see cref="ImageFolder"/>, the lines of <see cref="TextFile"/>, or <see cref="Texts"/> or <see cref="Images"/> given
/// inline (the API's request); exactly one.
/// With <see cref="Output"/> (.npy or .safetensors) the embeddings are written there, otherwise returned.
/// </summary>
public sealed record EmbedRunCommand(string RunId) : ICommand<RunEmbedding>
{
    public long? Step { get; init; }

    public string? ImageFolder { get; init; }

    public string? TextFile { get; init; }

    public IReadOnlyList<string>? Texts { get; init; }

    public IReadOnlyList<EmbedImage>? Images { get; init; }

    public string? Output { get; init; }
}

/// <summary>What an embedding request produced: from which checkpoint, how many rows of what width, what was skipped and why.</summary>
/// <param name="Embeddings">The unit-length rows, when no output file was asked for.</param>
public sealed record RunEmbedding(string RunId, string Checkpoint, int Rows, int Dimension, IReadOnlyList<string> Names, IReadOnlyList<SkippedInput> Skipped, string? Output, float[][]? Embeddings);

/// <summary>An input that could not be embedded, and why.</summary>
public sealed record SkippedInput(string Name, string Reason);

/// <summary>An encoded image given inline, and the name its row carries.</summary>
public sealed record EmbedImage(string Name, byte[] Bytes);
