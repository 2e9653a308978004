"""Golden values for the contrastive module's TorchGoldenTest, from PyTorch autograd.

The CLIP loss is written as open_clip's ClipLoss computes it (mlfoundations/open_clip@89fb801,
src/open_clip/loss.py: F.normalize features, logits = s * X @ Y.T, mean of the two cross-entropies)
and SigLIP as open_clip's SigLipLoss (-sum logsigmoid(labels * logits) / B). Gradients come from
autograd, in float64, w.r.t. the raw (unnormalised) embeddings and the log-scale theta = ln s.

Inputs are deterministic formulas, repeated in the Java test:
    image[i][k] = sin(1 + 7 i + 3 k),   text[i][k] = cos(2 + 5 i - 2 k) + 0.3 [i == k],
for i < 5, k < 4, with image row 3 set to all zeros (F.normalize's clamp at 1e-12).

Rerun (not part of the build; needs Debian's python3-torch):
    /usr/bin/python3 contrastive/src/test/python/golden_values.py
and paste the printed constants into TorchGoldenTest.java.
Versions used for the constants in TorchGoldenTest: Python 3.11.2 and Debian bookworm's python3-torch
1.13.1+dfsg-4 (torch.__version__ "1.13.0a0"). A re-run on 2026-12-06 with these versions prints exactly
the constants in the test.
"""
import math

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
B, D = 5, 4


def inputs():
    image = torch.tensor([[math.sin(1 + 7 * i + 3 * k) for k in range(D)] for i in range(B)])
    text = torch.tensor([[math.cos(2 + 5 * i - 2 * k) + (0.3 if i == k else 0.0) for k in range(D)]
                         for i in range(B)])
    image[3] = 0.0
    return image.requires_grad_(), text.requires_grad_()


def clip(theta_value):
    image, text = inputs()
    theta = torch.tensor(theta_value, requires_grad=True)
    x, y = F.normalize(image, dim=-1), F.normalize(text, dim=-1)
    s = theta.exp()
    labels = torch.arange(B)
    loss = (F.cross_entropy(s * x @ y.T, labels) + F.cross_entropy(s * y @ x.T, labels)) / 2
    loss.backward()
    return loss, image.grad, text.grad, theta.grad


def siglip(theta_value, bias_value):
    image, text = inputs()
    theta = torch.tensor(theta_value, requires_grad=True)
    bias = torch.tensor(bias_value, requires_grad=True)
    x, y = F.normalize(image, dim=-1), F.normalize(text, dim=-1)
    logits = theta.exp() * x @ y.T + bias
    labels = 2 * torch.eye(B) - 1
    loss = -F.logsigmoid(labels * logits).sum() / B
    loss.backward()
    return loss, image.grad, text.grad, theta.grad, bias.grad


def java(name, value):
    if value.dim() == 0:
        return f"    private static final double {name} = {value.item()!r};"
    rows = ", ".join("{" + ", ".join(repr(v) for v in row.tolist()) + "}" for row in value)
    return f"    private static final double[][] {name} = {{{rows}}};"


loss, gi, gt, gth = clip(math.log(1 / 0.07))
print(java("CLIP_LOSS", loss.detach()))
print(java("CLIP_GRAD_IMAGE", gi))
print(java("CLIP_GRAD_TEXT", gt))
print(java("CLIP_GRAD_THETA", gth))
loss, gi, gt, gth, gb = siglip(math.log(10), -10.0)
print(java("SIGLIP_LOSS", loss.detach()))
print(java("SIGLIP_GRAD_IMAGE", gi))
print(java("SIGLIP_GRAD_TEXT", gt))
print(java("SIGLIP_GRAD_THETA", gth))
print(java("SIGLIP_GRAD_BIAS", gb))
