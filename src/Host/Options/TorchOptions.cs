using System.ComponentModel.DataAnnotations;

namespace ClipHost.Host.Options;

/// <summary>Device and threads: host decisions, applied once at start and never by plugins.</summary>
public sealed class TorchOptions
{
    public const string SectionName = "Torch";

    /// <summary>"auto" (CUDA when available, else CPU), "cpu", "cuda" or "cuda:N".</summary>
    [Required]
    [RegularExpression("^(auto|cpu|cuda(:[0-9]+)?)$", ErrorMessage = "Torch.Device must be auto, cpu, cuda or cuda:N")]
    public string Device { get; set; } = "auto";

    /// <summary>Intra-op threads; 0: the cores this process may use (affinity and container quota honoured).</summary>
    [Range(0, 1024)]
    public int Threads { get; set; }

    /// <summary>
    /// The file caching this machine's `training.precision: auto` choices; empty: ~/.local/share/clip-host/precision.json.
    /// Delete it (or point here elsewhere) to measure again after a hardware or LibTorch change.
    /// </summary>
    public string PrecisionCache { get; set; } = string.Empty;

    /// <summary>Keep freed native memory for reuse instead of returning it to the OS each step (see NativeAllocator).</summary>
    public bool RetainFreedMemory { get; set; } = true;
}
