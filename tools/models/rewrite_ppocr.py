#!/usr/bin/python3
"""Rewrites PaddleOCR's PP-OCRv4 ONNX models into forms OpenCV 4.6's dnn module can run.

  rewrite_ppocr.py bundle SRC_DIR OUT_DIR VERSION
      SRC_DIR holds the package's ch_PP-OCRv4_det_infer.onnx, ch_PP-OCRv4_rec_infer.onnx and
      ppocr_keys_v1.txt; OUT_DIR gets det.onnx, rec-<width>.onnx for every width bucket, keys.txt and a
      MANIFEST (SHA-256 of each file) that the engine checks before loading anything.
  rewrite_ppocr.py det IN.onnx OUT.onnx
  rewrite_ppocr.py rec IN.onnx OUT_PREFIX WIDTH [WIDTH...]   (writes OUT_PREFIX-<WIDTH>.onnx)

Detection: OpenCV 4.6 reads Clip only with min/max as attributes (opset < 11); the 24 Clip(x, 0, 6)
nodes of the hard-swish activations get their bounds as attributes.

Recognition: the input width is fixed (one model per width bucket) so that every Shape computation
folds to a constant (the batch dimension stays free: Reshape's 0 copies it), and each LayerNorm
subgraph (ReduceMean, Sub, Pow, ReduceMean, Add eps, Sqrt, Div) becomes one MeanVarianceNormalization
over the last axis, which OpenCV runs as its MVN layer. For speed, each convolution's learnable scalar
affine is folded into its weights, each hard-swish (x · Clip(x + 3, 0, 6) / 6) becomes one HardSwish
node, and each 5 × 5 depthwise convolution becomes an IncidocDepthwise5x5 node, a layer the engine
registers (OpenCV 4.6 runs those on a generic path 30× slower than its 3 × 3 one).

Runs on Debian's python3-onnx and python3-numpy; nothing is downloaded.
"""

import hashlib
import os
import shutil
import sys

import numpy as np
import onnx
from onnx import helper, numpy_helper, shape_inference


def constants_of(graph):
    values = {}
    for node in graph.node:
        if node.op_type == "Constant":
            values[node.output[0]] = numpy_helper.to_array(node.attribute[0].t)
    for init in graph.initializer:
        values[init.name] = numpy_helper.to_array(init)
    return values


def rewrite_clips(graph):
    values = constants_of(graph)
    count = 0
    for node in graph.node:
        if node.op_type != "Clip" or len(node.input) != 3:
            continue
        low, high = (float(values[name]) for name in node.input[1:])
        del node.input[1:]
        node.attribute.extend([helper.make_attribute("min", low), helper.make_attribute("max", high)])
        count += 1
    return count


def drop_unused(graph):
    """Removes nodes whose outputs nobody reads (folded shape computations, unused constants)."""
    while True:
        used = {name for node in graph.node for name in node.input} | {o.name for o in graph.output}
        dead = [n for n in graph.node if not any(o in used for o in n.output)]
        if not dead:
            return
        for node in dead:
            graph.node.remove(node)


def set_input_shape(model, dims):
    shape = model.graph.input[0].type.tensor_type.shape
    for dim, value in zip(shape.dim, dims):
        if isinstance(value, str):
            dim.dim_param = value
        else:
            dim.ClearField("dim_param")
            dim.dim_value = value


def make_constant(name, array):
    return helper.make_node("Constant", [], [name], value=numpy_helper.from_array(np.asarray(array), name + "_value"))


def fold_shapes(model):
    """Replaces Shape nodes whose input shape is known (but for the batch) with constants, where the
    batch becomes 0 (a Reshape target's 0 copies the input's dimension), then evaluates the Slice,
    Cast, Concat and Squeeze nodes that read only constants. Returns the number of nodes folded."""
    folded = 0
    while True:
        inferred = shape_inference.infer_shapes(model)
        shapes = {}
        for info in list(inferred.graph.value_info) + list(inferred.graph.input) + list(inferred.graph.output):
            dims = info.type.tensor_type.shape.dim
            shapes[info.name] = [d.dim_value if d.HasField("dim_value") else None for d in dims]
        values = constants_of(model.graph)
        changed = False
        nodes = list(model.graph.node)
        for index, node in enumerate(nodes):
            replacement = None
            if node.op_type == "Shape":
                dims = shapes.get(node.input[0])
                if dims and all(d is not None for d in dims[1:]):
                    replacement = np.array([0] + dims[1:], dtype=np.int64)
            elif node.op_type in ("Slice", "Cast", "Concat", "Squeeze", "Unsqueeze") and node.input and all(
                name in values for name in node.input
            ):
                attrs = {a.name: helper.get_attribute_value(a) for a in node.attribute}
                inputs = [values[name] for name in node.input]
                if node.op_type == "Slice" and len(inputs) == 1:
                    (axis,), (start,), (end,) = attrs["axes"], attrs["starts"], attrs["ends"]
                    assert axis == 0
                    replacement = inputs[0][start:end]
                elif node.op_type == "Cast":
                    to = {6: np.int32, 7: np.int64, 1: np.float32}[attrs["to"]]
                    replacement = inputs[0].astype(to)
                elif node.op_type == "Concat":
                    replacement = np.concatenate([np.atleast_1d(x) for x in inputs], axis=attrs["axis"])
            if replacement is not None:
                model.graph.node.remove(node)
                model.graph.node.insert(index, make_constant(node.output[0], replacement))
                folded += 1
                changed = True
                break  # shapes and constants change: infer again
        if not changed:
            return folded


def free_batch_in_reshapes(model):
    """A folded Reshape target keeps the batch as 0 ("copy"), which OpenCV 4.6 gets wrong for batches
    above 1: the batch becomes -1 (the other dimensions are all known once the width is fixed)."""
    shapes = shapes_of(model)
    values = constants_of(model.graph)
    producers = {o: n for n in model.graph.node for o in n.output}
    count = 0
    for node in model.graph.node:
        if node.op_type != "Reshape" or node.input[1] not in values:
            continue
        target = values[node.input[1]].astype(np.int64).copy()
        if target[0] != 0:
            continue
        per_item = int(np.prod(shapes[node.input[0]][1:]))
        if -1 in target[1:]:
            known = int(np.prod([d for d in target[1:] if d != -1]))
            target[1:][target[1:] == -1] = per_item // known
        target[0] = -1
        source = producers[node.input[1]]
        source.CopyFrom(make_constant(node.input[1], target))
        count += 1
    return count


def consumers_of(graph):
    consumers = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)
    return consumers


def split_qkv_without_squeeze(model, shapes):
    """Attention's q, k, v: Transpose [B, S, 3, H, D] → [3, B, H, S, D], then Slice and Squeeze axis 0.
    OpenCV 4.6 turns Squeeze into a Reshape to the shape seen at import (batch 1), so each of q, k, v is
    taken as Slice axis 2 → Reshape [-1, S, H, D] → Transpose [B, H, S, D] instead."""
    graph = model.graph
    consumers = consumers_of(graph)
    count = 0
    for transpose in list(graph.node):
        if transpose.op_type != "Transpose":
            continue
        perm = [a for a in transpose.attribute if a.name == "perm"][0].ints
        if list(perm) != [2, 0, 3, 1, 4]:
            continue
        source = transpose.input[0]
        _, seq, _, heads, depth = shapes[source]
        for slice_node in consumers[transpose.output[0]]:
            attrs = {a.name: helper.get_attribute_value(a) for a in slice_node.attribute}
            assert slice_node.op_type == "Slice" and list(attrs["axes"]) == [0]
            (squeeze,) = consumers[slice_node.output[0]]
            assert squeeze.op_type == "Squeeze"
            name = squeeze.output[0]
            index = list(graph.node).index(squeeze)
            graph.node.remove(squeeze)
            new = [
                helper.make_node(
                    "Slice", [source], [name + "_part"], axes=[2], starts=attrs["starts"], ends=attrs["ends"]
                ),
                make_constant(name + "_shape", np.array([-1, seq, heads, depth], dtype=np.int64)),
                helper.make_node("Reshape", [name + "_part", name + "_shape"], [name + "_bshd"]),
                helper.make_node("Transpose", [name + "_bshd"], [name], perm=[0, 2, 1, 3]),
            ]
            for offset, node in enumerate(new):
                graph.node.insert(index + offset, node)
            count += 1
    drop_unused(graph)
    return count


def squeezes_to_reshapes(graph, shapes):
    """Any other Squeeze (not of the batch axis) becomes a Reshape with a free batch, for the same reason."""
    count = 0
    for node in list(graph.node):
        if node.op_type != "Squeeze":
            continue
        axes = [a for a in node.attribute if a.name == "axes"][0].ints
        dims = shapes[node.input[0]]
        assert 0 not in axes
        kept = [d for i, d in enumerate(dims) if i not in axes and i != 0]
        name = node.output[0]
        index = list(graph.node).index(node)
        graph.node.remove(node)
        graph.node.insert(index, make_constant(name + "_shape", np.array([-1] + kept, dtype=np.int64)))
        graph.node.insert(index + 1, helper.make_node("Reshape", [node.input[0], name + "_shape"], [name]))
        count += 1
    return count


def expand_channel_scales(graph, shapes):
    """Squeeze-and-excitation: x[B, C, H, W] * s[B, C, 1, 1]. OpenCV 4.6 runs that as a Scale layer that
    takes all of s as one set of C weights, which breaks for batches above 1; s is first upsampled to
    H × W (nearest), so the product is element by element."""
    count = 0
    for node in list(graph.node):
        if node.op_type != "Mul":
            continue
        a, b = (shapes.get(name) for name in node.input)
        if not a or not b or len(a) != 4 or len(b) != 4 or b[2:] != [1, 1] or a[2:] == [1, 1] or a[1] != b[1]:
            continue
        name = node.output[0]
        index = list(graph.node).index(node)
        scales = np.array([1, 1, a[2], a[3]], dtype=np.float32)
        graph.node.insert(index, make_constant(name + "_scales", scales))
        graph.node.insert(
            index + 1, helper.make_node("Upsample", [node.input[1], name + "_scales"], [name + "_full"], mode="nearest")
        )
        node.input[1] = name + "_full"
        count += 1
    return count


def shapes_of(model):
    inferred = shape_inference.infer_shapes(model)
    return {
        info.name: [d.dim_value for d in info.type.tensor_type.shape.dim]
        for info in list(inferred.graph.value_info) + list(inferred.graph.input)
    }


def rewrite_layer_norms(graph, shapes):
    """LayerNorm's normalization over the last axis of x[B, S, C] (ReduceMean → Sub → Pow 2 → ReduceMean
    → Add eps → Sqrt → Div) becomes Reshape [-1, C, 1, 1] → MVN across channels → Reshape [-1, S, C];
    OpenCV 4.6 has no layer normalization of its own."""
    values = constants_of(graph)
    producers = {o: n for n in graph.node for o in n.output}
    count = 0
    for div in list(graph.node):
        if div.op_type != "Div":
            continue
        sub, sqrt = producers.get(div.input[0]), producers.get(div.input[1])
        if not sub or not sqrt or sub.op_type != "Sub" or sqrt.op_type != "Sqrt":
            continue
        mean = producers.get(sub.input[1])
        add_eps = producers.get(sqrt.input[0])
        if not mean or mean.op_type != "ReduceMean" or mean.input[0] != sub.input[0] or add_eps.op_type != "Add":
            continue
        eps = float(values[add_eps.input[1]])
        x = sub.input[0]
        _, seq, channels = shapes[x]
        name = div.output[0]
        index = list(graph.node).index(div)
        graph.node.remove(div)
        # OpenCV adds MVN's epsilon to the standard deviation, LayerNorm to the variance; at eps≈1e-5
        # and unit-scale activations the difference is below float noise.
        graph.node.insert(index, make_constant(name + "_shape_in", np.array([-1, channels, 1, 1], dtype=np.int64)))
        graph.node.insert(index + 1, helper.make_node("Reshape", [x, name + "_shape_in"], [name + "_4d"]))
        graph.node.insert(
            index + 2,
            helper.make_node(
                "MVN", [name + "_4d"], [name + "_mvn"], name=name + "_mvn", across_channels=1, normalize_variance=1, eps=eps
            ),
        )
        graph.node.insert(index + 3, make_constant(name + "_shape_out", np.array([-1, seq, channels], dtype=np.int64)))
        graph.node.insert(index + 4, helper.make_node("Reshape", [name + "_mvn", name + "_shape_out"], [name]))
        count += 1
    drop_unused(graph)
    return count


def wrap_last_axis_constants(graph, shapes):
    """Add or Mul of x[B, S, C] with a constant of C values (a bias, LayerNorm's gamma and beta): OpenCV
    4.6 applies such a constant along axis 1, so x is reshaped to [-1, C] around the operation."""
    values = constants_of(graph)
    count = 0
    for node in list(graph.node):
        if node.op_type not in ("Add", "Mul") or node.input[1] not in values:
            continue
        dims = shapes.get(node.input[0])
        constant = values[node.input[1]]
        if not dims or len(dims) != 3 or constant.ndim != 1 or constant.size != dims[2] or constant.size == 1:
            continue
        _, seq, channels = dims
        name = node.output[0]
        index = list(graph.node).index(node)
        graph.node.insert(index, make_constant(name + "_shape_in", np.array([-1, channels], dtype=np.int64)))
        graph.node.insert(index + 1, helper.make_node("Reshape", [node.input[0], name + "_shape_in"], [name + "_2d_in"]))
        node.input[0] = name + "_2d_in"
        node.output[0] = name + "_2d_out"
        graph.node.insert(index + 3, make_constant(name + "_shape_out", np.array([-1, seq, channels], dtype=np.int64)))
        graph.node.insert(index + 4, helper.make_node("Reshape", [name + "_2d_out", name + "_shape_out"], [name]))
        count += 1
    return count


def flatten_matmuls(model):
    """MatMul(x[B, S, K], W[K, N]) ⇒ Reshape [-1, K] → MatMul → Reshape [-1, S, N]: OpenCV 4.6 turns a
    MatMul with constant weights into a fully connected layer whose axis it takes from the shapes it
    saw at import, which breaks on 3-D inputs; on 2-D inputs the axis is always 1."""
    inferred = shape_inference.infer_shapes(model)
    shapes = {
        info.name: [d.dim_value for d in info.type.tensor_type.shape.dim]
        for info in list(inferred.graph.value_info) + list(inferred.graph.input)
    }
    values = constants_of(model.graph)
    graph = model.graph
    count = 0
    for node in list(graph.node):
        if node.op_type != "MatMul" or node.input[1] not in values or values[node.input[1]].ndim != 2:
            continue
        dims = shapes.get(node.input[0])
        if not dims or len(dims) != 3:
            continue
        k, n = values[node.input[1]].shape
        name = node.output[0]
        index = list(graph.node).index(node)
        flat_in, flat_out = name + "_flat_in", name + "_flat_out"
        graph.node.insert(index, make_constant(name + "_shape_in", np.array([-1, k], dtype=np.int64)))
        graph.node.insert(index + 1, helper.make_node("Reshape", [node.input[0], name + "_shape_in"], [flat_in]))
        node.input[0] = flat_in
        node.output[0] = flat_out
        graph.node.insert(index + 3, make_constant(name + "_shape_out", np.array([-1, dims[1], n], dtype=np.int64)))
        graph.node.insert(index + 4, helper.make_node("Reshape", [flat_out, name + "_shape_out"], [name]))
        count += 1
    return count


def scalar_of(values, name):
    value = values.get(name)
    return None if value is None or value.size != 1 else float(value.reshape(-1)[0])


def fold_conv_affines(graph):
    """PP-LCNetV3's learnable affine after each convolution (Conv → Mul by a scalar → Add a scalar) is
    folded into the convolution's weights and bias: exact, and two fewer layers per convolution."""
    values = constants_of(graph)
    consumers = consumers_of(graph)
    count = 0
    for conv in list(graph.node):
        if conv.op_type != "Conv" or conv.input[1] not in values:
            continue
        users = consumers.get(conv.output[0], [])
        if len(users) != 1 or users[0].op_type != "Mul":
            continue
        mul = users[0]
        scale = scalar_of(values, mul.input[0] if mul.input[1] == conv.output[0] else mul.input[1])
        users = consumers.get(mul.output[0], [])
        if scale is None or len(users) != 1 or users[0].op_type != "Add":
            continue
        add = users[0]
        shift = scalar_of(values, add.input[0] if add.input[1] == mul.output[0] else add.input[1])
        if shift is None:
            continue
        weights = values[conv.input[1]].astype(np.float32)
        bias = values[conv.input[2]].astype(np.float32) if len(conv.input) > 2 else np.zeros(weights.shape[0], np.float32)
        name = add.output[0]
        index = list(graph.node).index(conv)
        graph.node.insert(index, make_constant(name + "_folded_w", weights * scale))
        graph.node.insert(index + 1, make_constant(name + "_folded_b", (bias * scale + shift).astype(np.float32)))
        del conv.input[1:]
        conv.input.extend([name + "_folded_w", name + "_folded_b"])
        conv.output[0] = name
        graph.node.remove(mul)
        graph.node.remove(add)
        count += 1
    drop_unused(graph)
    return count


def fuse_hard_swishes(graph):
    """x · Clip(x + 3, 0, 6) / 6 (four layers in OpenCV) becomes one HardSwish, which OpenCV 4.6 has."""
    values = constants_of(graph)
    consumers = consumers_of(graph)
    producers = {o: n for n in graph.node for o in n.output}
    count = 0
    for div in list(graph.node):
        if div.op_type != "Div" or scalar_of(values, div.input[1]) != 6.0:
            continue
        mul = producers.get(div.input[0])
        if not mul or mul.op_type != "Mul":
            continue
        clip = next((producers[i] for i in mul.input if i in producers and producers[i].op_type == "Clip"), None)
        if clip is None:
            continue
        x = mul.input[0] if mul.input[1] == clip.output[0] else mul.input[1]
        attrs = {a.name: helper.get_attribute_value(a) for a in clip.attribute}
        bounds = (
            (scalar_of(values, clip.input[1]), scalar_of(values, clip.input[2]))
            if len(clip.input) == 3
            else (attrs.get("min"), attrs.get("max"))
        )
        add = producers.get(clip.input[0])
        if bounds != (0.0, 6.0) or not add or add.op_type != "Add" or x not in add.input:
            continue
        if scalar_of(values, add.input[0] if add.input[1] == x else add.input[1]) != 3.0:
            continue
        if any(len(consumers.get(n.output[0], [])) != 1 for n in (add, clip, mul)):
            continue
        index = list(graph.node).index(div)
        graph.node.insert(index, helper.make_node("HardSwish", [x], [div.output[0]], name=div.output[0] + "_hswish"))
        for node in (div, mul, clip, add):
            graph.node.remove(node)
        count += 1
    drop_unused(graph)
    return count


def depthwise_5x5_to_custom(graph):
    """OpenCV 4.6 runs a 5 × 5 depthwise convolution on its generic path, 30× slower than a 3 × 3 one
    (about 45 % of the recognizer's time): those become IncidocDepthwise5x5 nodes (weights and bias as
    inputs, the vertical stride as stride_y), a layer the engine registers with OpenCV
    (core/ocr/ppocr_layers.cpp)."""
    values = constants_of(graph)
    count = 0
    for conv in graph.node:
        if conv.op_type != "Conv" or conv.input[1] not in values or len(conv.input) != 3:
            continue
        attrs = {a.name: helper.get_attribute_value(a) for a in conv.attribute}
        weights = values[conv.input[1]]
        channels = weights.shape[0]
        if (
            weights.shape[1:] != (1, 5, 5)
            or attrs.get("group", 1) != channels
            or list(attrs.get("pads", [])) != [2, 2, 2, 2]
            or list(attrs.get("dilations", [1, 1])) != [1, 1]
            or list(attrs.get("strides", [1, 1])) not in ([1, 1], [2, 1])
        ):
            continue
        stride_y = list(attrs.get("strides", [1, 1]))[0]
        conv.op_type = "IncidocDepthwise5x5"
        del conv.attribute[:]
        conv.attribute.append(helper.make_attribute("stride_y", stride_y))
        count += 1
    return count


# Recognizer input widths (height 48): a crop goes to the narrowest bucket it fits; wider ones are squeezed.
WIDTHS = [64, 96, 128, 192, 256, 384, 512, 1024]


def rewrite_recognizer(model, width):
    m = onnx.ModelProto()
    m.CopyFrom(model)
    set_input_shape(m, [1, 3, 48, width])
    folded = fold_shapes(m)
    free_batch_in_reshapes(m)
    matmuls = flatten_matmuls(m)
    shapes = shapes_of(m)
    norms = rewrite_layer_norms(m.graph, shapes)
    wrapped = wrap_last_axis_constants(m.graph, shapes)
    split_qkv_without_squeeze(m, shapes)
    squeezes_to_reshapes(m.graph, shapes)
    expand_channel_scales(m.graph, shapes)
    affines = fold_conv_affines(m.graph)
    swishes = fuse_hard_swishes(m.graph)
    depthwise = depthwise_5x5_to_custom(m.graph)
    drop_unused(m.graph)
    del m.graph.value_info[:]
    print(f"rec {width}: {folded} shape nodes folded, {norms} LayerNorms rewritten, {matmuls} MatMuls flattened, "
          f"{wrapped} constants wrapped, {affines} affines folded, {swishes} hard-swishes fused, "
          f"{depthwise} 5x5 depthwise convolutions made custom")
    return m


def bundle(src, out, version):
    os.makedirs(out, exist_ok=True)
    det = onnx.load(os.path.join(src, "ch_PP-OCRv4_det_infer.onnx"))
    print(f"det: {rewrite_clips(det.graph)} Clip nodes rewritten")
    onnx.save(det, os.path.join(out, "det.onnx"))
    rec = onnx.load(os.path.join(src, "ch_PP-OCRv4_rec_infer.onnx"))
    names = ["det.onnx", "keys.txt"]
    for width in WIDTHS:
        onnx.save(rewrite_recognizer(rec, width), os.path.join(out, f"rec-{width}.onnx"))
        names.append(f"rec-{width}.onnx")
    shutil.copyfile(os.path.join(src, "ppocr_keys_v1.txt"), os.path.join(out, "keys.txt"))
    lines = [f"# PP-OCR models for Incidoc, rewritten for OpenCV 4.6 by tools/models/rewrite_ppocr.py", f"# version {version}"]
    for name in names:
        with open(os.path.join(out, name), "rb") as f:
            lines.append(f"{hashlib.sha256(f.read()).hexdigest()}  {name}")
    # Written last, under a temporary name: an interrupted build leaves no MANIFEST, never a wrong one.
    with open(os.path.join(out, "MANIFEST.tmp"), "w") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(os.path.join(out, "MANIFEST.tmp"), os.path.join(out, "MANIFEST"))


def main(argv):
    kind = argv[1]
    if kind == "bundle":
        bundle(argv[2], argv[3], argv[4])
        return 0
    model = onnx.load(argv[2])
    if kind == "det":
        clips = rewrite_clips(model.graph)
        onnx.save(model, argv[3])
        print(f"det: {clips} Clip nodes rewritten")
        return 0
    prefix, widths = argv[3], [int(w) for w in argv[4:]]
    for width in widths:
        onnx.save(rewrite_recognizer(model, width), f"{prefix}-{width}.onnx")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
