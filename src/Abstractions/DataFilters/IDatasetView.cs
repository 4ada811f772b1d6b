namespace ClipHost.Abstractions.DataFilters;

/// <summary>Read-only access to an imported dataset, without decoding images again.</summary>
public interface IDatasetView
{
    /// <summary>The dataset's name.</summary>
    string Name { get; }

    /// <summary>Hash of the dataset's content (pixels, captions, labels, splits); keys caches such as teacher scores.</summary>
    string ContentHash { get; }

    /// <summary>Number of samples.</summary>
    int Count { get; }

    /// <summary>Side of the stored square images in pixels.</summary>
    int Resolution { get; }

    /// <summary>The sample's text and metadata.</summary>
    /// <param name="id">Sample index.</param>
    /// <returns>The record.</returns>
    SampleRecord GetSample(int id);

    /// <summary>The stored pixels of one sample, RGB uint8 in row-major [H, W, 3] order.</summary>
    /// <param name="id">Sample index.</param>
    /// <returns>A view over the stored bytes, valid while the dataset is open.</returns>
    ReadOnlyMemory<byte> GetPixels(int id);
}
