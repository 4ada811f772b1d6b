using System.Runtime.InteropServices;

namespace ClipHost.Engine.Hardware;

/// <summary>
/// The CPU a figure was measured on: its model name and the instruction sets that decide which precision pays
/// (AVX2/FMA for fp32, AVX512_BF16 and AMX-BF16 for bf16). Every benchmark prints it, because the development
/// machines change CPU between sessions and a figure from one kind does not carry to another.
/// </summary>
public sealed record CpuInfo(string Model, int LogicalCores, IReadOnlyList<string> InstructionSets)
{
    /// <summary>The flags that matter for LibTorch's fp32 and bf16 kernels, in the order printed.</summary>
    public static readonly IReadOnlyList<string> Relevant =
        ["avx2", "fma", "avx512f", "avx512_vnni", "avx512_bf16", "avx512_fp16", "amx_tile", "amx_bf16", "amx_int8", "asimd", "sve", "bf16"];

    /// <summary>Whether the CPU multiplies bf16 natively (AMX or AVX512_BF16, or Arm's BF16 extension).</summary>
    public bool HasNativeBf16 => InstructionSets.Any(f => f is "amx_bf16" or "avx512_bf16" or "bf16");

    /// <summary>One line naming the bf16 path oneDNN can take here, for the bench header.</summary>
    public string Bf16Path =>
        InstructionSets.Contains("amx_bf16") ? "AMX-BF16 tiles"
        : InstructionSets.Contains("avx512_bf16") ? "AVX512_BF16 dot products"
        : InstructionSets.Contains("bf16") ? "Arm BF16"
        : "none: bf16 is converted to fp32 for every multiply";

    public override string ToString() =>
        $"{Model}, {LogicalCores} logical cores, {(InstructionSets.Count == 0 ? "no vector extensions found" : string.Join(" ", InstructionSets))}; bf16: {Bf16Path}";

    /// <summary>Reads /proc/cpuinfo where there is one (Linux), else the runtime's own view of the processor.</summary>
    public static CpuInfo Detect(string cpuinfoPath = "/proc/cpuinfo") =>
        File.Exists(cpuinfoPath) ? Parse(File.ReadLines(cpuinfoPath)) : new CpuInfo(RuntimeInformation.ProcessArchitecture.ToString(), Environment.ProcessorCount, []);

    /// <summary>The first processor's model and flags (x86: "model name", "flags"; Arm: "Features").</summary>
    public static CpuInfo Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        string? model = null;
        HashSet<string>? flags = null;
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }
            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (model is null && key is "model name" or "Model" or "CPU part")
            {
                model = value;
            }
            else if (flags is null && key is "flags" or "Features")
            {
                flags = [.. value.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
            }
        }
        return new CpuInfo(model ?? "unknown CPU", Environment.ProcessorCount, [.. Relevant.Where(f => flags?.Contains(f) == true)]);
    }
}
