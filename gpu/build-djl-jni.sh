#!/usr/bin/env bash
# Builds DJL's PyTorch JNI library (libdjl_torch.so) against the CUDA PyTorch of a Python installation, so that
# Hingekit trains on the GPU of a host with no network: Maven Central has no CUDA libtorch jar for 2.7.1, and the
# JNI that pytorch-jni 2.7.1-0.36.0 ships works with libtorch 2.7.1 only.
#
# Usage: gpu/build-djl-jni.sh DJL_CHECKOUT [PYTHON]
#   DJL_CHECKOUT  a clone of https://github.com/deepjavalibrary/djl at tag v0.36.0 (the JNI's C++ side must match
#                 the Java side of pytorch-engine 0.36.0)
#   PYTHON        the Python whose torch (with CUDA) to build against (default: python3)
# Needs: a JDK (javac), g++, `mvn -Pgpu package` run first (target/lib). Writes target/djl-cache/ and
# target/gpu-env.sh; then: source target/gpu-env.sh && ./hingekit train --config ... --device gpu
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fail() { echo "build-djl-jni: error: $*" >&2; exit 2; }

[ $# -ge 1 ] || fail "usage: gpu/build-djl-jni.sh DJL_CHECKOUT [PYTHON]"
djl="$(cd "$1" 2>/dev/null && pwd)" || fail "no such directory: $1"
python="${2:-python3}"
native="$djl/engines/pytorch/pytorch-native/src/main/native"
library_java="$djl/engines/pytorch/pytorch-engine/src/main/java"
[ -f "$native/ai_djl_pytorch_jni_cache.cc" ] && [ -f "$djl/api/src/main/native/djl/utils.h" ] \
    || fail "$djl is not a DJL checkout (engines/pytorch/pytorch-native/src/main/native is missing)"
ls "$here"/target/lib/api-*.jar >/dev/null 2>&1 || fail "target/lib is missing: run 'mvn -Pgpu package' first"
command -v javac >/dev/null || fail "javac not found: a JDK is needed to generate the JNI header"
command -v g++ >/dev/null || fail "g++ not found"

read -r torch version cuda abi < <("$python" -c '
import os, torch
print(os.path.dirname(torch.__file__), torch.__version__.split("+")[0], torch.version.cuda or "none",
      int(torch._C._GLIBCXX_USE_CXX11_ABI))') || fail "$python cannot import torch"
[ "$cuda" != none ] || fail "the torch of $python was built without CUDA"
flavor="cu${cuda//./}"
jdk="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
site="$(dirname "$torch")"
cuda_include="$( (ls -d /usr/local/cuda/include; find "$site/nvidia" -name cuda_runtime_api.h -printf '%h\n') 2>/dev/null \
    | head -1 || true)"
cudart="$( (ls /usr/local/cuda/lib64/libcudart.so*; find "$site/nvidia" -name 'libcudart.so*') 2>/dev/null | head -1 || true)"
[ -n "$cuda_include" ] && [ -n "$cudart" ] || fail "CUDA runtime headers or libcudart not found"
echo "torch $version ($flavor) at $torch"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
javac -h "$work/include" -d "$work/classes" -cp "$here/target/lib/*" -sourcepath "$library_java" \
    "$library_java/ai/djl/pytorch/jni/PyTorchLibrary.java"
export FLAGS="-O2 -fPIC -std=c++17 -w -D_GLIBCXX_USE_CXX11_ABI=$abi -DUSE_CUDA -I$work/include \
-I$djl/api/src/main/native -I$jdk/include -I$jdk/include/linux -I$torch/include \
-I$torch/include/torch/csrc/api/include -I$cuda_include"
export work
echo "compiling $(ls "$native"/*.cc | wc -l) files..."
ls "$native"/*.cc | xargs -P "$(nproc)" -I{} sh -c 'g++ $FLAGS -c "{}" -o "$work/$(basename "{}" .cc).o"' \
    || fail "compilation failed (see the messages above)"
g++ -shared -o "$work/libdjl_torch.so" "$work"/*.o -L"$torch/lib" -ltorch -ltorch_cpu -lc10 -ltorch_cuda \
    -lc10_cuda -Wl,-rpath,"$torch/lib"

# DJL looks for the JNI in its engine cache, named after the version and flavour given to it below.
cache="$here/target/djl-cache"
jni_dir="$cache/pytorch/$version-$flavor-linux-x86_64"
mkdir -p "$jni_dir" "$cache/cudart"
cp "$work/libdjl_torch.so" "$jni_dir/0.36.0-libdjl_torch.so.tmp"
mv "$jni_dir/0.36.0-libdjl_torch.so.tmp" "$jni_dir/0.36.0-libdjl_torch.so"
# DJL counts GPUs through JNA, which looks for an unversioned libcudart.so.
ln -sf "$cudart" "$cache/cudart/libcudart.so"
cat > "$here/target/gpu-env.sh.tmp" <<EOF
# Written by gpu/build-djl-jni.sh: DJL loads the CUDA libtorch of $python ($version, $flavor).
export PYTORCH_LIBRARY_PATH="$torch/lib" PYTORCH_VERSION="$version" PYTORCH_FLAVOR="$flavor"
export ENGINE_CACHE_DIR="$cache" LD_LIBRARY_PATH="$cache/cudart\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}"
EOF
mv "$here/target/gpu-env.sh.tmp" "$here/target/gpu-env.sh"
echo "done: source target/gpu-env.sh, then ./hingekit train --config ... --device gpu"
