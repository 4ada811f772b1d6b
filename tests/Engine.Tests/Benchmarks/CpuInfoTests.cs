using ClipHost.Engine.Hardware;

namespace ClipHost.Engine.Tests.Benchmarks;

/// <summary>The three CPU kinds the project has landed on, as /proc/cpuinfo describes them.</summary>
public sealed class CpuInfoTests
{
    [Fact]
    public void XeonWithAmx_HasNativeBf16_ThroughAmxTiles()
    {
        var cpu = CpuInfo.Parse(["processor\t: 0", "model name\t: Intel(R) Xeon(R) Platinum 8481C CPU @ 2.70GHz",
            "flags\t\t: fpu sse2 avx avx2 fma avx512f avx512_vnni avx512_bf16 avx512_fp16 amx_bf16 amx_tile amx_int8", "processor\t: 1", "model name\t: other"]);

        Assert.Equal("Intel(R) Xeon(R) Platinum 8481C CPU @ 2.70GHz", cpu.Model);
        Assert.True(cpu.HasNativeBf16);
        Assert.Equal("AMX-BF16 tiles", cpu.Bf16Path);
        Assert.Equal(["avx2", "fma", "avx512f", "avx512_vnni", "avx512_bf16", "avx512_fp16", "amx_tile", "amx_bf16", "amx_int8"], cpu.InstructionSets);
    }

    [Fact]
    public void Zen4_HasNativeBf16_ThroughAvx512Bf16()
    {
        var cpu = CpuInfo.Parse(["model name\t: AMD EPYC 9B14", "flags\t\t: avx avx2 fma avx512f avx512_bf16 avx512_vnni"]);

        Assert.True(cpu.HasNativeBf16);
        Assert.Equal("AVX512_BF16 dot products", cpu.Bf16Path);
    }

    [Fact]
    public void Avx2Only_HasNoNativeBf16_AndSaysSo()
    {
        var cpu = CpuInfo.Parse(["model name\t: AMD EPYC", "flags\t\t: fpu sse2 fma avx f16c avx2 vaes"]);

        Assert.False(cpu.HasNativeBf16);
        Assert.Equal(["avx2", "fma"], cpu.InstructionSets);
        Assert.Contains("bf16: none", cpu.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ThisMachine_IsDescribed()
    {
        var cpu = CpuInfo.Detect();

        Assert.False(string.IsNullOrWhiteSpace(cpu.Model));
        Assert.Equal(Environment.ProcessorCount, cpu.LogicalCores);
    }
}
