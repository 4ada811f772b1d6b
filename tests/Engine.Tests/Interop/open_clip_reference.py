"""A PyTorch CLIP in open_clip's layout, written for ClipHost's interop test from reading open_clip's model code
(model.py, transformer.py, modified_resnet.py; timm towers in timm_reference.py): the image and text towers as open_clip's CLIP class builds them from model_cfg, loading an
open_clip state dict strictly (every key, every shape). It uses only Debian's python3-torch.

usage: open_clip_reference.py EXPORT_DIR INPUTS.safetensors OUTPUTS.safetensors
INPUTS holds "images" (normalised, [N, 3, H, W] float32) and "tokens" ([N, T] int64); OUTPUTS gets the unnormalised
"image_embeddings" and "text_embeddings" the model computes.
"""
import json
import struct
import sys
from collections import OrderedDict

import torch
from torch import nn

import timm_reference  # beside this file: ConvNeXt, Swin and Mixer as open_clip's TimmModel holds them

DTYPES = {"F32": torch.float32, "I64": torch.int64, "F16": torch.float16, "BF16": torch.bfloat16, "I32": torch.int32}


def read_safetensors(path):
    # The format is 8 bytes of little-endian header length, a JSON header, then the raw tensors.
    with open(path, "rb") as f:
        size = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(size))
        data = f.read()
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        start, end = entry["data_offsets"]
        flat = torch.frombuffer(bytearray(data[start:end]), dtype=DTYPES[entry["dtype"]]) if end > start else torch.empty(0, dtype=DTYPES[entry["dtype"]])
        tensors[name] = flat.reshape(entry["shape"]).clone()
    return tensors


def write_safetensors(path, tensors):
    header, blobs, offset = {}, [], 0
    for name, t in tensors.items():
        raw = t.contiguous().numpy().tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    encoded = json.dumps(header).encode()
    encoded += b" " * (-len(encoded) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(encoded)))
        f.write(encoded)
        for raw in blobs:
            f.write(raw)


class Block(nn.Module):
    """Pre-norm residual block: attention then MLP, each after its LayerNorm, as open_clip's ResidualAttentionBlock."""

    def __init__(self, width, heads, mlp_width):
        super().__init__()
        self.ln_1 = nn.LayerNorm(width)
        self.attn = nn.MultiheadAttention(width, heads)
        self.ln_2 = nn.LayerNorm(width)
        self.mlp = nn.Sequential(OrderedDict([("c_fc", nn.Linear(width, mlp_width)), ("gelu", nn.GELU()), ("c_proj", nn.Linear(mlp_width, width))]))

    def forward(self, x, mask=None):
        # x is [sequence, batch, width], nn.MultiheadAttention's default layout.
        y = self.ln_1(x)
        x = x + self.attn(y, y, y, need_weights=False, attn_mask=mask)[0]
        return x + self.mlp(self.ln_2(x))


class Transformer(nn.Module):
    def __init__(self, width, layers, heads, mlp_ratio):
        super().__init__()
        self.resblocks = nn.ModuleList([Block(width, heads, int(width * mlp_ratio)) for _ in range(layers)])

    def forward(self, x, mask=None):
        for block in self.resblocks:
            x = block(x, mask)
        return x


class VisionTransformer(nn.Module):
    def __init__(self, cfg, embed_dim):
        super().__init__()
        width, patch = cfg["width"], cfg["patch_size"]
        grid = cfg["image_size"] // patch
        self.conv1 = nn.Conv2d(3, width, kernel_size=patch, stride=patch, bias=False)
        self.class_embedding = nn.Parameter(torch.empty(width))
        self.positional_embedding = nn.Parameter(torch.empty(grid * grid + 1, width))
        self.ln_pre = nn.LayerNorm(width)
        self.transformer = Transformer(width, cfg["layers"], width // cfg.get("head_width", 64), cfg.get("mlp_ratio", 4.0))
        self.ln_post = nn.LayerNorm(width)
        self.proj = nn.Parameter(torch.empty(width, embed_dim))

    def forward(self, images):
        x = self.conv1(images).flatten(2).transpose(1, 2)
        cls = self.class_embedding.expand(x.shape[0], 1, -1)
        x = torch.cat([cls, x], dim=1) + self.positional_embedding
        x = self.ln_pre(x)
        x = self.transformer(x.permute(1, 0, 2)).permute(1, 0, 2)
        x = self.ln_post(x)
        return x[:, 0] @ self.proj


class Bottleneck(nn.Module):
    """1x1, 3x3, 1x1 convolutions with BatchNorm; a strided block average-pools before its last convolution and on the
    shortcut (named "-1" so the shortcut's convolution and norm keep the keys downsample.0 and downsample.1)."""

    def __init__(self, inplanes, planes, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(inplanes, planes, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.pool = nn.AvgPool2d(stride) if stride > 1 else nn.Identity()
        self.conv3 = nn.Conv2d(planes, planes * 4, 1, bias=False)
        self.bn3 = nn.BatchNorm2d(planes * 4)
        self.downsample = None
        if stride > 1 or inplanes != planes * 4:
            self.downsample = nn.Sequential(OrderedDict([("-1", nn.AvgPool2d(stride)), ("0", nn.Conv2d(inplanes, planes * 4, 1, bias=False)), ("1", nn.BatchNorm2d(planes * 4))]))

    def forward(self, x):
        y = torch.relu(self.bn1(self.conv1(x)))
        y = torch.relu(self.bn2(self.conv2(y)))
        y = self.bn3(self.conv3(self.pool(y)))
        return torch.relu(y + (self.downsample(x) if self.downsample is not None else x))


class AttentionPool(nn.Module):
    """One query, the mean of the feature map's positions, attending over the mean and every position."""

    def __init__(self, side, width, heads, output_dim):
        super().__init__()
        self.heads = heads
        self.positional_embedding = nn.Parameter(torch.empty(side * side + 1, width))
        self.q_proj, self.k_proj, self.v_proj = nn.Linear(width, width), nn.Linear(width, width), nn.Linear(width, width)
        self.c_proj = nn.Linear(width, output_dim)

    def forward(self, x):
        n, c = x.shape[:2]
        tokens = x.flatten(2).transpose(1, 2)
        tokens = torch.cat([tokens.mean(1, keepdim=True), tokens], dim=1) + self.positional_embedding
        h = self.heads
        q = self.q_proj(tokens[:, :1]).view(n, 1, h, c // h).transpose(1, 2)
        k = self.k_proj(tokens).view(n, -1, h, c // h).transpose(1, 2)
        v = self.v_proj(tokens).view(n, -1, h, c // h).transpose(1, 2)
        weights = torch.softmax(q @ k.transpose(-2, -1) / (c // h) ** 0.5, dim=-1)
        return self.c_proj((weights @ v).transpose(1, 2).reshape(n, c))


class ModifiedResNet(nn.Module):
    def __init__(self, cfg, embed_dim):
        super().__init__()
        width, layers = cfg["width"], cfg["layers"]
        self.conv1 = nn.Conv2d(3, width // 2, 3, stride=2, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(width // 2)
        self.conv2 = nn.Conv2d(width // 2, width // 2, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(width // 2)
        self.conv3 = nn.Conv2d(width // 2, width, 3, padding=1, bias=False)
        self.bn3 = nn.BatchNorm2d(width)
        self.avgpool = nn.AvgPool2d(2)
        inplanes = width
        for stage in range(4):
            planes = width * 2 ** stage
            blocks = []
            for i in range(layers[stage]):
                blocks.append(Bottleneck(inplanes, planes, 2 if stage > 0 and i == 0 else 1))
                inplanes = planes * 4
            setattr(self, f"layer{stage + 1}", nn.Sequential(*blocks))
        features = width * 32
        self.attnpool = AttentionPool(cfg["image_size"] // 32, features, features // cfg.get("head_width", 64), embed_dim)

    def forward(self, images):
        x = torch.relu(self.bn1(self.conv1(images)))
        x = torch.relu(self.bn2(self.conv2(x)))
        x = self.avgpool(torch.relu(self.bn3(self.conv3(x))))
        x = self.layer4(self.layer3(self.layer2(self.layer1(x))))
        return self.attnpool(x)


class Clip(nn.Module):
    def __init__(self, model_cfg):
        super().__init__()
        text = model_cfg["text_cfg"]
        self.eos_id = text["eos_id"]
        vision = model_cfg["vision_cfg"]
        # open_clip builds a timm tower when vision_cfg names one, a ModifiedResNet when vision_cfg.layers is a list of
        # four stage depths, a ViT otherwise.
        if vision.get("timm_model_name"):
            self.visual = timm_reference.TimmModel(vision, model_cfg["embed_dim"])
        else:
            tower = ModifiedResNet if isinstance(vision["layers"], (list, tuple)) else VisionTransformer
            self.visual = tower(vision, model_cfg["embed_dim"])
        self.token_embedding = nn.Embedding(text["vocab_size"], text["width"])
        self.positional_embedding = nn.Parameter(torch.empty(text["context_length"], text["width"]))
        self.transformer = Transformer(text["width"], text["layers"], text["heads"], text.get("mlp_ratio", 4.0))
        self.ln_final = nn.LayerNorm(text["width"])
        self.text_projection = nn.Parameter(torch.empty(text["width"], model_cfg["embed_dim"]))
        self.logit_scale = nn.Parameter(torch.empty(()))

    def encode_text(self, tokens):
        length = tokens.shape[1]
        x = self.token_embedding(tokens) + self.positional_embedding[:length]
        causal = torch.full((length, length), float("-inf")).triu(1)
        x = self.transformer(x.permute(1, 0, 2), causal).permute(1, 0, 2)
        x = self.ln_final(x)
        # pool_type "eos": the first end-of-text token of each sequence.
        eos = (tokens == self.eos_id).int().argmax(dim=-1)
        return x[torch.arange(x.shape[0]), eos] @ self.text_projection


def main(export_dir, inputs_path, outputs_path):
    with open(f"{export_dir}/open_clip_config.json") as f:
        config = json.load(f)
    model = Clip(config["model_cfg"])
    model.load_state_dict(read_safetensors(f"{export_dir}/open_clip_model.safetensors"), strict=True)
    model.eval()
    inputs = read_safetensors(inputs_path)
    with torch.no_grad():
        outputs = {"image_embeddings": model.visual(inputs["images"]), "text_embeddings": model.encode_text(inputs["tokens"])}
    write_safetensors(outputs_path, outputs)


if __name__ == "__main__":
    main(*sys.argv[1:4])
