"""timm's ConvNeXt, Swin Transformer and MLP-Mixer as open_clip's TimmModel wraps them, written for ClipHost's interop
test from reading timm's model code (convnext.py, swin_transformer.py, mlp_mixer.py, layers/) and open_clip's
timm_model.py; no timm or open_clip code. A tower is built from vision_cfg as open_clip builds it: the entry point's
sizes (ENTRY_POINTS, as timm's registered functions set them) overridden by timm_model_kwargs, the classifier removed,
average pooling, then head.proj, a Linear to the embedding. Only what the export can write is here (eval mode: no
dropout, no stochastic depth).
"""
from collections import OrderedDict

import torch
from torch import nn
from torch.nn import functional as F

ENTRY_POINTS = {
    "convnext_tiny": ("convnext", dict(depths=(3, 3, 9, 3), dims=(96, 192, 384, 768))),
    "swin_tiny_patch4_window7_224": ("swin", dict(patch_size=4, window_size=7, embed_dim=96, depths=(2, 2, 6, 2), num_heads=(3, 6, 12, 24))),
    "mixer_s32_224": ("mixer", dict(patch_size=32, num_blocks=8, embed_dim=512)),
    "mixer_s16_224": ("mixer", dict(patch_size=16, num_blocks=8, embed_dim=512)),
    "mixer_b32_224": ("mixer", dict(patch_size=32, num_blocks=12, embed_dim=768)),
    "mixer_b16_224": ("mixer", dict(patch_size=16, num_blocks=12, embed_dim=768)),
    "mixer_l32_224": ("mixer", dict(patch_size=32, num_blocks=24, embed_dim=1024)),
    "mixer_l16_224": ("mixer", dict(patch_size=16, num_blocks=24, embed_dim=1024)),
}


class Mlp(nn.Module):
    def __init__(self, width, hidden):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(width, hidden), nn.Linear(hidden, width)

    def forward(self, x):
        return self.fc2(F.gelu(self.fc1(x)))


class LayerNorm2d(nn.LayerNorm):
    """LayerNorm over the channels of an NCHW map."""

    def forward(self, x):
        return F.layer_norm(x.permute(0, 2, 3, 1), self.normalized_shape, self.weight, self.bias, self.eps).permute(0, 3, 1, 2)


class ConvNeXtBlock(nn.Module):
    def __init__(self, dim, ls_init_value):
        super().__init__()
        self.conv_dw = nn.Conv2d(dim, dim, 7, padding=3, groups=dim)
        self.norm = nn.LayerNorm(dim, eps=1e-6)
        self.mlp = Mlp(dim, 4 * dim)
        self.gamma = nn.Parameter(torch.full((dim,), float(ls_init_value)))

    def forward(self, x):
        y = self.mlp(self.norm(self.conv_dw(x).permute(0, 2, 3, 1))).permute(0, 3, 1, 2)
        return x + y * self.gamma.reshape(1, -1, 1, 1)


class ConvNeXt(nn.Module):
    """Patch stem, four stages (every stage after the first downsamples by a norm and a 2x2 stride-2 convolution),
    then timm's head: average pool, LayerNorm2d."""

    def __init__(self, depths, dims, patch_size=4, ls_init_value=1e-6):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, dims[0], patch_size, stride=patch_size), LayerNorm2d(dims[0], eps=1e-6))
        stages, previous = [], dims[0]
        for i, (depth, dim) in enumerate(zip(depths, dims)):
            stage = nn.Module()
            stage.downsample = nn.Sequential(LayerNorm2d(previous, eps=1e-6), nn.Conv2d(previous, dim, 2, stride=2)) if i > 0 else nn.Identity()
            stage.blocks = nn.Sequential(*[ConvNeXtBlock(dim, ls_init_value) for _ in range(depth)])
            stages.append(stage)
            previous = dim
        self.stages = nn.ModuleList(stages)
        self.head = nn.Module()
        self.head.norm = LayerNorm2d(dims[-1], eps=1e-6)
        self.num_features = dims[-1]

    def forward(self, x):
        x = self.stem(x)
        for stage in self.stages:
            x = stage.blocks(stage.downsample(x))
        return self.head.norm(x.mean((2, 3), keepdim=True)).flatten(1)


def bias_index(window):
    """[window^2, window^2]: the bias table row of each (query, key) pair, row offset major."""
    ys, xs = torch.meshgrid(torch.arange(window), torch.arange(window), indexing="ij")
    ys, xs = ys.flatten(), xs.flatten()
    return (ys[:, None] - ys[None, :] + window - 1) * (2 * window - 1) + (xs[:, None] - xs[None, :] + window - 1)


def windows(x, window):
    b, h, w, c = x.shape
    return x.view(b, h // window, window, w // window, window, c).permute(0, 1, 3, 2, 4, 5).reshape(-1, window * window, c)


def unwindows(x, window, h, w):
    c = x.shape[-1]
    return x.view(-1, h // window, w // window, window, window, c).permute(0, 1, 3, 2, 4, 5).reshape(-1, h, w, c)


class WindowAttention(nn.Module):
    def __init__(self, dim, heads, window):
        super().__init__()
        self.heads = heads
        self.relative_position_bias_table = nn.Parameter(torch.zeros((2 * window - 1) ** 2, heads))
        self.register_buffer("relative_position_index", bias_index(window), persistent=False)
        self.qkv = nn.Linear(dim, 3 * dim)
        self.proj = nn.Linear(dim, dim)

    def forward(self, x, mask):
        n_windows, n, c = x.shape
        q, k, v = self.qkv(x).reshape(n_windows, n, 3, self.heads, c // self.heads).permute(2, 0, 3, 1, 4)
        scores = (q * (c // self.heads) ** -0.5) @ k.transpose(-2, -1)
        scores = scores + self.relative_position_bias_table[self.relative_position_index.flatten()].view(n, n, -1).permute(2, 0, 1)
        if mask is not None:
            per_image = mask.shape[0]
            scores = (scores.view(-1, per_image, self.heads, n, n) + mask[None, :, None]).view(-1, self.heads, n, n)
        return self.proj((scores.softmax(-1) @ v).transpose(1, 2).reshape(n_windows, n, c))


def shift_mask(side, window, shift):
    """0 between tokens of one region of the rolled map, -100 (timm's value) between regions the roll brought together."""
    label = torch.zeros(side, side)
    bands = [(0, side - window), (side - window, side - shift), (side - shift, side)]
    for i, (y0, y1) in enumerate(bands):
        for j, (x0, x1) in enumerate(bands):
            label[y0:y1, x0:x1] = 3 * i + j
    per_window = windows(label[None, :, :, None], window).squeeze(-1)
    return (per_window[:, None, :] != per_window[:, :, None]).float() * -100.0


class SwinBlock(nn.Module):
    def __init__(self, dim, heads, side, window, shift, mlp_ratio):
        super().__init__()
        # timm: a map no larger than the window is one window, unshifted.
        self.window = min(window, side)
        self.shift = 0 if side <= window else shift
        self.norm1 = nn.LayerNorm(dim)
        self.attn = WindowAttention(dim, heads, self.window)
        self.norm2 = nn.LayerNorm(dim)
        self.mlp = Mlp(dim, int(dim * mlp_ratio))
        self.register_buffer("attn_mask", shift_mask(side, self.window, self.shift) if self.shift else None, persistent=False)

    def forward(self, x):
        b, h, w, c = x.shape
        y = torch.roll(self.norm1(x), (-self.shift, -self.shift), (1, 2))
        y = unwindows(self.attn(windows(y, self.window), self.attn_mask), self.window, h, w)
        x = x + torch.roll(y, (self.shift, self.shift), (1, 2))
        return x + self.mlp(self.norm2(x))


class PatchMerging(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.norm = nn.LayerNorm(4 * dim)
        self.reduction = nn.Linear(4 * dim, 2 * dim, bias=False)

    def forward(self, x):
        b, h, w, c = x.shape
        # Neighbours in the order (0, 0), (1, 0), (0, 1), (1, 1): row offset fastest.
        return self.reduction(self.norm(x.reshape(b, h // 2, 2, w // 2, 2, c).permute(0, 1, 3, 4, 2, 5).flatten(3)))


class Swin(nn.Module):
    def __init__(self, img_size=224, patch_size=4, window_size=7, embed_dim=96, depths=(2, 2, 6, 2), num_heads=(3, 6, 12, 24), mlp_ratio=4.0):
        super().__init__()
        self.patch_embed = nn.Module()
        self.patch_embed.proj = nn.Conv2d(3, embed_dim, patch_size, stride=patch_size)
        self.patch_embed.norm = nn.LayerNorm(embed_dim)
        layers, side = [], img_size // patch_size
        for i, (depth, heads) in enumerate(zip(depths, num_heads)):
            dim = embed_dim * 2 ** i
            stage = nn.Module()
            stage.downsample = PatchMerging(dim // 2) if i > 0 else nn.Identity()
            side = side // 2 if i > 0 else side
            stage.blocks = nn.Sequential(*[SwinBlock(dim, heads, side, window_size, window_size // 2 if j % 2 else 0, mlp_ratio) for j in range(depth)])
            layers.append(stage)
        self.layers = nn.ModuleList(layers)
        self.num_features = embed_dim * 2 ** (len(depths) - 1)
        self.norm = nn.LayerNorm(self.num_features)

    def forward(self, x):
        x = self.patch_embed.norm(self.patch_embed.proj(x).permute(0, 2, 3, 1))
        for stage in self.layers:
            x = stage.blocks(stage.downsample(x))
        return self.norm(x).mean((1, 2))


class MixerBlock(nn.Module):
    def __init__(self, dim, tokens, mlp_ratio):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim, eps=1e-6)
        self.mlp_tokens = Mlp(tokens, int(mlp_ratio[0] * dim))
        self.norm2 = nn.LayerNorm(dim, eps=1e-6)
        self.mlp_channels = Mlp(dim, int(mlp_ratio[1] * dim))

    def forward(self, x):
        x = x + self.mlp_tokens(self.norm1(x).transpose(1, 2)).transpose(1, 2)
        return x + self.mlp_channels(self.norm2(x))


class Mixer(nn.Module):
    def __init__(self, patch_size, num_blocks, embed_dim, img_size=224, mlp_ratio=(0.5, 4.0)):
        super().__init__()
        self.stem = nn.Module()
        self.stem.proj = nn.Conv2d(3, embed_dim, patch_size, stride=patch_size)
        tokens = (img_size // patch_size) ** 2
        self.blocks = nn.Sequential(*[MixerBlock(embed_dim, tokens, mlp_ratio) for _ in range(num_blocks)])
        self.norm = nn.LayerNorm(embed_dim, eps=1e-6)
        self.num_features = embed_dim

    def forward(self, x):
        x = self.stem.proj(x).flatten(2).transpose(1, 2)
        return self.norm(self.blocks(x)).mean(1)


class TimmModel(nn.Module):
    """open_clip's TimmModel with pool "avg" and proj "linear": trunk, then head.drop and head.proj."""

    def __init__(self, cfg, embed_dim):
        super().__init__()
        assert cfg.get("timm_pool", "avg") == "avg" and cfg.get("timm_proj", "linear") == "linear", "only avg pooling with a linear projection"
        family, defaults = ENTRY_POINTS[cfg["timm_model_name"]]
        given = cfg.get("timm_model_kwargs") or {}
        if family == "mixer" and set(defaults) & set(given):
            # timm's Mixer entry points pass their sizes and the caller's kwargs side by side: a repeat is a TypeError.
            raise TypeError(f"{cfg['timm_model_name']} got multiple values for {sorted(set(defaults) & set(given))}")
        kwargs = dict(defaults, **given)
        self.trunk = {"convnext": ConvNeXt, "swin": Swin, "mixer": Mixer}[family](**kwargs)
        self.head = nn.Sequential(OrderedDict([("drop", nn.Dropout(cfg.get("timm_drop", 0.0))), ("proj", nn.Linear(self.trunk.num_features, embed_dim, bias=cfg.get("timm_proj_bias", False)))]))

    def forward(self, images):
        return self.head(self.trunk(images))
