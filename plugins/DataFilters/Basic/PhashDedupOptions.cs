using System.ComponentModel.DataAnnotations;

namespace ClipHost.Plugins.DataFilters.Basic;

/// <summary>How close two perceptual hashes must be for the images to count as near-duplicates.</summary>
public sealed class PhashDedupOptions
{
    /// <summary>Largest Hamming distance (of 64 bits) between near-duplicates; 0 means identical hashes only.</summary>
    [Range(0, 32, ErrorMessage = "maxDistance must be in [0, 32] bits of 64")]
    public int MaxDistance { get; set; } = 4;
}
