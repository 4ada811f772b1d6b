using System.ComponentModel.DataAnnotations;

namespace ClipHost.Plugins.Strategies.Slip;

/// <summary>SLIP options (Mu et al. 2021): the weight and temperature of the SimCLR term and the size of its head.</summary>
public sealed class SlipOptions
{
    /// <summary>Weight of the SimCLR loss added to the CLIP loss; SLIP's default 1.0, 0 trains plain CLIP with SLIP's cost.</summary>
    [Range(0.0, 100.0)]
    public double SslScale { get; set; } = 1.0;

    /// <summary>NT-Xent temperature; SLIP fixes it at 0.1.</summary>
    [Range(1e-3, 10.0)]
    public double Temperature { get; set; } = 0.1;

    /// <summary>Hidden width of the 3-layer head; null scales SLIP's 4096 (for a 768-wide ViT-B) to the encoder's width.</summary>
    [Range(1, 65536)]
    public int? MlpDim { get; set; }

    /// <summary>Output width of the head; null scales SLIP's 256 (for a 768-wide ViT-B) to the encoder's width.</summary>
    [Range(1, 65536)]
    public int? EmbedDim { get; set; }
}
