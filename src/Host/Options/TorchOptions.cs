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

    /// <summary>Intra-op threads; 0 keeps LibTorch's default (one per core).</summary>
    [Range(0, 1024)]
    public int Threads { get; set; }

    /// <summary>Keep freed native memory for reuse instead of returning it to the OS each step (see NativeAllocator).</summary>
    public bool RetainFreedMemory { get; set; } = true;
}
